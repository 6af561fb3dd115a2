// YAML texts shared by the tree-builder tests: the constructs stack files use (comments, flow and
// block collections, block scalars, empty values, anchors, aliases and merge keys).

export const SAMPLE = `version: "3.8"   # trailing comment
services:
  web:
    image: local/busybox:1
    command: ["httpd", "-f", "-p", "8080"]
    ports:
      - "8080:80"
      - target: 81
        published: 8081
        mode: host
    environment:
      A: 1
      B: "two"
      C:
    deploy: {replicas: 2, mode: replicated}
    healthcheck:
      test: |
        wget -q localhost
      interval: 10s
x-defaults: &defaults
  restart_policy: {condition: on-failure}
  # a comment line
other:
  <<: *defaults
  list:
  - a
  - 'b'
  - 3.5
  - true
  - null
`;

export const ANCHORS = `x-common: &common
  logging: {driver: json-file}
x-img: &img nginx:1
x-port: &port
  - "80:80"
x-empty: &nothing
x-list: &list [a, b]
services:
  web:
    <<: *common
    image: *img
    ports: *port
    labels: *list
    other: *nothing
  api:
    <<: [*common]
`;
