// Realistic valid stack files the generator starts from, besides the corpus: the shapes people deploy
// (web + db, reverse proxy, monitoring, workers and jobs, secrets and configs, anchors). Each passes
// `docker stack config` and deploys on the lab (the oracle tests check that).

export const BASES: readonly string[] = [
  `version: "3.8"
x-defaults: &defaults
  restart_policy:
    condition: on-failure
    delay: 5s
    max_attempts: 3
x-logging: &logging
  logging:
    driver: json-file
    options:
      max-size: "10m"
      max-file: "3"
services:
  web:
    <<: *logging
    image: nginx:1.27-alpine
    ports:
      - "8080:80"
      - target: 443
        published: 8443
        protocol: tcp
        mode: host
    networks: [front, back]
    configs:
      - source: site_conf
        target: /etc/nginx/conf.d/site.conf
    deploy:
      <<: *defaults
      replicas: 2
      update_config:
        parallelism: 1
        delay: 10s
        order: start-first
        failure_action: rollback
      resources:
        limits: {cpus: "0.50", memory: 256M}
        reservations:
          memory: 64M
  db:
    image: postgres:16
    environment:
      POSTGRES_DB: app
      POSTGRES_PASSWORD_FILE: /run/secrets/db_password
    secrets: [db_password]
    volumes:
      - db_data:/var/lib/postgresql/data
    networks: [back]
    deploy:
      placement:
        constraints: [node.role == manager]
networks:
  front:
    driver: overlay
  back:
    driver: overlay
    attachable: true
volumes:
  db_data:
secrets:
  db_password:
    file: ./secret.txt
configs:
  site_conf:
    file: ./app.conf
`,
  `version: "3.9"
services:
  proxy:
    image: traefik:v2.11
    command:
      - --providers.docker.swarmMode=true
      - --entrypoints.web.address=:80
    ports:
      - target: 80
        published: 80
        mode: host
    volumes:
      - type: bind
        source: /var/run/docker.sock
        target: /var/run/docker.sock
        read_only: true
    deploy:
      mode: global
      placement:
        constraints:
          - node.role == manager
      labels:
        - traefik.enable=false
  whoami:
    image: traefik/whoami:v1.10
    deploy:
      replicas: 3
      labels:
        traefik.http.routers.whoami.rule: Host(\`whoami.local\`)
        traefik.http.services.whoami.loadbalancer.server.port: "80"
`,
  `version: "3.7"
services:
  prometheus:
    image: prom/prometheus:v2.53.0
    command: ["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.retention.time=15d"]
    volumes:
      - prom_data:/prometheus
    configs:
      - source: prom_conf
        target: /etc/prometheus/prometheus.yml
        mode: 0444
    deploy:
      replicas: 1
      resources:
        limits:
          memory: 1G
    healthcheck:
      test: ["CMD", "wget", "-q", "-O-", "http://localhost:9090/-/ready"]
      interval: 30s
      timeout: 5s
      retries: 3
      start_period: 20s
  node-exporter:
    image: prom/node-exporter:v1.8.1
    deploy:
      mode: global
      endpoint_mode: dnsrr
    stop_grace_period: 30s
volumes:
  prom_data:
    driver: local
configs:
  prom_conf:
    file: ./app.conf
`,
  `services:
  api:
    image: registry.example.com:5000/team/api:\${TAG:-latest}
    environment:
      - LOG_LEVEL=info
      - DB_HOST=db
      - FEATURE_X
    env_file: ./app.env
    init: true
    read_only: true
    tmpfs: /tmp
    ulimits:
      nofile:
        soft: 65536
        hard: 65536
      nproc: 4096
    cap_drop: [ALL]
    cap_add: [NET_BIND_SERVICE]
    user: "1000:1000"
    working_dir: /app
    deploy:
      replicas: 2
      rollback_config:
        parallelism: 0
        order: stop-first
      restart_policy:
        condition: any
        window: 2m
      placement:
        max_replicas_per_node: 1
        preferences:
          - spread: node.labels.zone
  worker:
    image: registry.example.com:5000/team/worker:1.4.2
    entrypoint: ["/bin/sh", "-c"]
    command: "exec worker --queue default"
    deploy:
      replicas: 4
      update_config:
        parallelism: 2
        monitor: 30s
        max_failure_ratio: 0.25
`,
  `version: "3.13"
services:
  migrate:
    image: example/migrate:2
    deploy:
      mode: replicated-job
      replicas: 1
      restart_policy:
        condition: on-failure
  cleanup:
    image: example/cleanup:2
    deploy:
      mode: global-job
  app:
    image: example/app:2
    oom_score_adj: 200
    sysctls:
      net.core.somaxconn: 1024
    extra_hosts:
      - "db.internal:10.0.0.5"
    dns: [10.0.0.2]
    hostname: app
    stop_signal: SIGINT
    networks:
      backend:
        aliases: [application]
    deploy:
      resources:
        limits:
          cpus: "1.5"
          memory: 512M
          pids: 200
        reservations:
          cpus: "0.25"
networks:
  backend:
    name: shared-backend
    driver: overlay
    labels:
      team: core
`,
  `version: "3.6"
services:
  redis:
    image: redis:7
    command: redis-server --appendonly yes
    volumes:
      - redis_data:/data
      - type: tmpfs
        target: /cache
        tmpfs:
          size: 10000000
    secrets:
      - source: redis_pass
        target: redis_password
        uid: "999"
        gid: "999"
        mode: 0400
    deploy:
      endpoint_mode: vip
      restart_policy:
        condition: any
    labels:
      com.example.role: cache
volumes:
  redis_data:
    labels:
      backup: daily
secrets:
  redis_pass:
    file: ./secret.txt
    name: redis-pass-v1
`,
  `version: "3.8"
x-app: &app
  image: example/shop:3.2
  environment: &env
    NODE_ENV: production
    PORT: "3000"
  deploy: &deploy
    replicas: 2
    update_config:
      delay: 5s
services:
  shop:
    <<: *app
    ports:
      - "3000:3000"
  admin:
    <<: *app
    environment:
      <<: *env
      ADMIN: "1"
    deploy:
      <<: *deploy
      replicas: 1
`,
  `version: "3.3"
services:
  dns:
    image: coredns/coredns:1.11.1
    ports:
      - "53:53/udp"
      - "53:53/tcp"
    deploy:
      replicas: 2
      placement:
        preferences:
          - spread: node.id
  batch:
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
    deploy:
      restart_policy:
        condition: none
      resources:
        limits:
          cpus: "0.1"
          memory: 32M
`,
  `version: "3.1"
services:
  vault:
    image: hashicorp/vault:1.17
    cap_add:
      - IPC_LOCK
    secrets:
      - vault_token
    ports:
      - "8200:8200"
    deploy:
      update_config:
        parallelism: 1
        delay: 30s
        failure_action: pause
secrets:
  vault_token:
    external: true
`,
  `version: "3.12"
services:
  grafana:
    image: grafana/grafana:11.1.0
    healthcheck:
      test: curl -fs http://localhost:3000/api/health || exit 1
      interval: 10s
      start_interval: 2s
      start_period: 30s
    volumes:
      - grafana:/var/lib/grafana
      - ./app.conf:/etc/grafana/grafana.ini:ro
    ports:
      - 3000:3000
    deploy:
      resources:
        reservations:
          memory: 128M
volumes:
  grafana:
`,
];
