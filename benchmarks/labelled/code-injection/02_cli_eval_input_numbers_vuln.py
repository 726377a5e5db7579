# category: code-injection
# label: vulnerable
# source: CWE-95: Improper Neutralization of Directives in Dynamically Evaluated Code ('Eval Injection'), Demonstrative Example 3 (Python: eval() of input())
# expect: 8
# note: The line typed at input() is evaluated with eval() to get a list of numbers, so any Python expression runs.
def main():
    raw = input("Enter numbers separated by commas: ")
    numbers = eval(raw)
    total = sum(numbers)
    print(f"Sum of {numbers} = {total}")


if __name__ == "__main__":
    main()
