# shellcheck shell=bash
# Sourced by the mysql image's entrypoint on first start (not executable on purpose: sourced scripts can use the
# entrypoint's docker_process_sql). The TC's tables, from deploy/seata-tc/db/mysql.sql (mounted at /seata-schema).
docker_process_sql --database=tccmall_seata </seata-schema/mysql.sql
