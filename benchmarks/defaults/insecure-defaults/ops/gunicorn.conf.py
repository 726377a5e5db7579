# Gunicorn config for the container image: the container's network namespace is the boundary,
# the load balancer in front of it terminates TLS.
import multiprocessing
import os

bind = "0.0.0.0:8000"
workers = multiprocessing.cpu_count() * 2 + 1
accesslog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info")
