# category: path-traversal
# label: vulnerable
# source: Python docs: tarfile, Extraction filters (PEP 706) and the TarFile.extractall() warning
# expect: 17
# note: extractall without a filter (the default before Python 3.14 is "fully_trusted") honours member names like ../../.bashrc, absolute paths and symlinks that point outside dest.
import argparse
import tarfile


def main() -> None:
    parser = argparse.ArgumentParser(description="Unpack a dataset bundle downloaded from a contributor")
    parser.add_argument("archive")
    parser.add_argument("--dest", default="data")
    args = parser.parse_args()

    with tarfile.open(args.archive, "r:*") as tar:
        tar.extractall(path=args.dest)
    print(f"extracted {args.archive} into {args.dest}")


if __name__ == "__main__":
    main()
