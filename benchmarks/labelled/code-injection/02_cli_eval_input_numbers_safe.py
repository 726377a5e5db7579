# category: code-injection
# label: safe
# source: CWE-95: Improper Neutralization of Directives in Dynamically Evaluated Code ('Eval Injection'), Demonstrative Example 3 (Python: eval() of input())
# expect: none
# note: The line is split and each piece is converted with int(); nothing is evaluated as code.
def main():
    raw = input("Enter numbers separated by commas: ")
    numbers = [int(part) for part in raw.split(",")]
    total = sum(numbers)
    print(f"Sum of {numbers} = {total}")


if __name__ == "__main__":
    main()
