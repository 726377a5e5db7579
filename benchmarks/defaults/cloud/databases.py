import os

import boto3

rds = boto3.client("rds")
redshift = boto3.client("redshift")


def create_reporting_db(identifier: str) -> None:
    rds.create_db_instance(
        DBInstanceIdentifier=identifier,
        DBInstanceClass="db.t3.micro",
        Engine="postgres",
        AllocatedStorage=20,
        MasterUsername="reporting",
        ManageMasterUserPassword=True,
        PubliclyAccessible=True,
    )


def expose_for_bi_tool(identifier: str) -> None:
    rds.modify_db_instance(DBInstanceIdentifier=identifier, PubliclyAccessible=True, ApplyImmediately=True)


def create_warehouse(cluster_id: str) -> None:
    redshift.create_cluster(
        ClusterIdentifier=cluster_id,
        NodeType="ra3.xlplus",
        MasterUsername="admin",
        MasterUserPassword=os.environ["REDSHIFT_PASSWORD"],
        PubliclyAccessible=True,
    )


def create_app_db(identifier: str, subnet_group: str) -> None:
    rds.create_db_instance(
        DBInstanceIdentifier=identifier,
        DBInstanceClass="db.t3.medium",
        Engine="postgres",
        AllocatedStorage=50,
        MasterUsername="app",
        ManageMasterUserPassword=True,
        DBSubnetGroupName=subnet_group,
        PubliclyAccessible=False,
        StorageEncrypted=True,
    )


def hide_db(identifier: str) -> None:
    rds.modify_db_instance(DBInstanceIdentifier=identifier, PubliclyAccessible=False, ApplyImmediately=True)


def private_warehouse(cluster_id: str) -> None:
    redshift.create_cluster(
        ClusterIdentifier=cluster_id, NodeType="ra3.xlplus", MasterUsername="admin",
        ManageMasterPassword=True, PubliclyAccessible=False, Encrypted=True,
    )
