import os

import paramiko


def run_remote(host: str, command: str) -> str:
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    client.connect(host, username="deploy", key_filename=os.path.expanduser("~/.ssh/id_ed25519"))
    _, stdout, _ = client.exec_command(command)
    return stdout.read().decode()


def tail_logs(host: str, lines: int = 100) -> str:
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.WarningPolicy())
    client.connect(host, username="ops")
    _, stdout, _ = client.exec_command(f"tail -n {int(lines)} /var/log/app.log")
    return stdout.read().decode()


def restart_service(host: str) -> None:
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(host, username="deploy")
    client.exec_command("sudo systemctl restart app")
    client.close()
