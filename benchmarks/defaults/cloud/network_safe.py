import boto3

ec2 = boto3.client("ec2")
OFFICE_CIDR = "203.0.113.10/32"


def open_web(group_id: str) -> None:
    ec2.authorize_security_group_ingress(
        GroupId=group_id,
        IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]},
            {"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "Ipv6Ranges": [{"CidrIpv6": "::/0"}]},
        ],
    )


def ssh_from_office(group_id: str) -> None:
    ec2.authorize_security_group_ingress(
        GroupId=group_id, IpProtocol="tcp", FromPort=22, ToPort=22, CidrIp=OFFICE_CIDR
    )


def db_from_app_tier(db_group_id: str, app_group_id: str) -> None:
    ec2.authorize_security_group_ingress(
        GroupId=db_group_id,
        IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "UserIdGroupPairs": [{"GroupId": app_group_id}]},
        ],
    )


def ssh_from_vpc(group_id: str) -> None:
    ec2.authorize_security_group_ingress(
        GroupId=group_id, IpProtocol="tcp", FromPort=22, ToPort=22, CidrIp="10.0.0.0/16"
    )


def allow_outbound(group_id: str) -> None:
    ec2.authorize_security_group_egress(
        GroupId=group_id,
        IpPermissions=[{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}],
    )
