-- answers of state-changing requests, kept for tccmall.idempotency.retention (default 24 h)
CREATE TABLE idempotency_record (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id         VARCHAR(64)  NOT NULL,
  operation       VARCHAR(64)  NOT NULL,
  idempotency_key VARCHAR(100) NOT NULL,
  request_hash    CHAR(64)     NOT NULL,
  status          VARCHAR(16)  NOT NULL COMMENT 'IN_PROGRESS or COMPLETED',
  owner           CHAR(36)     NOT NULL COMMENT 'the request that holds the key',
  lease_until     DATETIME(3)  NOT NULL,
  response_status SMALLINT     NULL,
  response_type   VARCHAR(100) NULL,
  response_body   MEDIUMTEXT   NULL,
  created_at      DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  expires_at      DATETIME(3)  NOT NULL,
  UNIQUE KEY uk_idempotency_record (user_id, operation, idempotency_key),
  KEY idx_idempotency_record_expires (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
