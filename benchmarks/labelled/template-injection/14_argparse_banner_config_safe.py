# category: template-injection
# label: safe
# source: CWE-1336: Improper Neutralization of Special Elements Used in a Template Engine
# note: --banner is passed to render() as a variable of a constant template, so its contents are emitted as literal text.

import argparse
import sys

from jinja2 import Template


def main(argv=None):
    parser = argparse.ArgumentParser(description="Render the nginx vhost for a service")
    parser.add_argument("--service", required=True)
    parser.add_argument("--banner", default="# managed by deploy.py")
    args = parser.parse_args(argv)
    source = "{{ banner }}\nserver { server_name {{ service }}.internal; }\n"
    sys.stdout.write(Template(source).render(service=args.service, banner=args.banner))


if __name__ == "__main__":
    main()
