# shellcheck shell=bash
# One database user per service and one for the Seata TC, each with every privilege on its own database and none on
# any other (docs/architecture.md, threat model: "each service | its own database only"). Passwords come from the
# environment compose gives the mysql container (docker-compose.yml); root stays with the init scripts and operators.
#
# Sourced by the mysql image's entrypoint on first start, after 01-databases.sql (not executable on purpose: sourced
# scripts can use the entrypoint's docker_process_sql). For a mysql-data volume made before this script existed, or
# after changing a password, run it by hand; it is idempotent (creates missing users, sets each password to the
# configured one, grants again):
#   docker compose exec mysql bash /docker-entrypoint-initdb.d/03-users.sh

tccmall_sql_string() { # VALUE: a SQL string literal (backslashes and quotes escaped)
  local v=${1//\\/\\\\}
  printf "'%s'" "${v//\'/\'\'}"
}

tccmall_users_sql() {
  local database user variable password
  #        database           user               password variable
  while read -r database user variable; do
    password=${!variable:-}
    if [[ -z $password ]]; then
      echo "03-users.sh: $variable is not set (docker-compose.yml passes it to the mysql service)" >&2
      return 1
    fi
    # CREATE ... IF NOT EXISTS, then ALTER: a re-run ends with the configured password. In a database-level grant
    # '_' is a wildcard: escaped, the grant names exactly this database
    echo "CREATE USER IF NOT EXISTS '$user'@'%' IDENTIFIED BY $(tccmall_sql_string "$password");"
    echo "ALTER USER '$user'@'%' IDENTIFIED BY $(tccmall_sql_string "$password");"
    echo "GRANT ALL PRIVILEGES ON \`${database//_/\\_}\`.* TO '$user'@'%';"
  done <<'USERS'
tccmall_order      tccmall_order      TCCMALL_ORDER_DB_PASSWORD
tccmall_inventory  tccmall_inventory  TCCMALL_INVENTORY_DB_PASSWORD
tccmall_payment    tccmall_payment    TCCMALL_PAYMENT_DB_PASSWORD
tccmall_coupon     tccmall_coupon     TCCMALL_COUPON_DB_PASSWORD
tccmall_seata      tccmall_seata      TCCMALL_TC_DB_PASSWORD
USERS
}

tccmall_users() {
  local sql
  sql=$(tccmall_users_sql) || return 1
  if declare -F docker_process_sql >/dev/null; then
    docker_process_sql <<<"$sql" # the entrypoint's first start: root over the socket
  else
    MYSQL_PWD=$MYSQL_ROOT_PASSWORD mysql --protocol=socket -uroot <<<"$sql" # by hand in the running container
  fi
}

tccmall_users || exit 1
