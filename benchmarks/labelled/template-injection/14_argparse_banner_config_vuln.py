# category: template-injection
# label: vulnerable
# source: CWE-1336: Improper Neutralization of Special Elements Used in a Template Engine
# expect: 19
# note: the --banner command-line argument is concatenated into the Jinja2 template source, so a banner containing {{ ... }} or {% ... %} is executed when rendered.

import argparse
import sys

from jinja2 import Template


def main(argv=None):
    parser = argparse.ArgumentParser(description="Render the nginx vhost for a service")
    parser.add_argument("--service", required=True)
    parser.add_argument("--banner", default="# managed by deploy.py")
    args = parser.parse_args(argv)
    source = args.banner + "\nserver { server_name {{ service }}.internal; }\n"
    sys.stdout.write(Template(source).render(service=args.service))


if __name__ == "__main__":
    main()
