# category: path-traversal
# label: safe
# source: Python docs: tarfile, Extraction filters (PEP 706) and the TarFile.extractall() warning
# note: filter="data" rejects absolute names, members that resolve outside dest and links pointing outside it (available since 3.12 and in the 3.8-3.11 security releases).
import argparse
import tarfile


def main() -> None:
    parser = argparse.ArgumentParser(description="Unpack a dataset bundle downloaded from a contributor")
    parser.add_argument("archive")
    parser.add_argument("--dest", default="data")
    args = parser.parse_args()

    with tarfile.open(args.archive, "r:*") as tar:
        tar.extractall(path=args.dest, filter="data")
    print(f"extracted {args.archive} into {args.dest}")


if __name__ == "__main__":
    main()
