import type { ImageSpec } from './types';
import { serverImage } from './servers';
import { shellImage } from './shells';
import { DEBIAN_BINARIES } from './program';

/**
 * OFFICIAL_SERVERS are Docker Hub official images without a dedicated module that run a daemon:
 * name → [port, compressed size]. They answer `ok` over HTTP on that port.
 */
const OFFICIAL_SERVERS: Record<string, [number, number]> = {
  mongo: [27017, 273_512_000], mariadb: [3306, 118_630_000], memcached: [11211, 31_900_000], rabbitmq: [5672, 94_000_000],
  elasticsearch: [9200, 660_000_000], kibana: [5601, 400_000_000], traefik: [80, 51_000_000], haproxy: [80, 42_000_000],
  caddy: [80, 21_300_000], tomcat: [8080, 170_000_000], wordpress: [80, 252_000_000], ghost: [2368, 210_000_000],
  registry: [5000, 9_000_000], consul: [8500, 60_000_000], influxdb: [8086, 120_000_000], grafana: [3000, 130_000_000],
  cassandra: [9042, 150_000_000], zookeeper: [2181, 120_000_000], nats: [4222, 7_000_000], couchdb: [5984, 95_000_000],
  neo4j: [7474, 300_000_000], jenkins: [8080, 300_000_000], sonarqube: [9000, 600_000_000], nextcloud: [80, 450_000_000],
  drupal: [80, 200_000_000], joomla: [80, 210_000_000], adminer: [8080, 36_000_000], phpmyadmin: [80, 190_000_000],
  'eclipse-mosquitto': [1883, 5_000_000], varnish: [80, 90_000_000], solr: [8983, 300_000_000], redmine: [3000, 230_000_000],
  'mongo-express': [8081, 70_000_000], percona: [3306, 250_000_000], telegraf: [8125, 120_000_000], postgis: [5432, 260_000_000],
  kong: [8000, 110_000_000], vault: [8200, 150_000_000], spark: [8080, 500_000_000], flink: [8081, 400_000_000],
};

/**
 * OFFICIAL_TOOLS are Docker Hub official images whose default command is an interactive tool or shell:
 * with no stdin it exits 0 at once (so a Pod running one goes Completed → CrashLoopBackOff).
 */
const OFFICIAL_TOOLS: Record<string, number> = {
  centos: 71_000_000, fedora: 62_000_000, amazonlinux: 52_000_000, rockylinux: 70_000_000, almalinux: 70_000_000,
  archlinux: 150_000_000, oraclelinux: 80_000_000, opensuse: 40_000_000, node: 400_000_000, python: 370_000_000,
  golang: 290_000_000, openjdk: 330_000_000, 'eclipse-temurin': 200_000_000, amazoncorretto: 200_000_000, ruby: 350_000_000,
  php: 180_000_000, perl: 330_000_000, rust: 500_000_000, gcc: 500_000_000, bash: 6_000_000, docker: 120_000_000,
  erlang: 450_000_000, elixir: 500_000_000, haskell: 800_000_000, julia: 300_000_000, swift: 800_000_000, clojure: 350_000_000,
  groovy: 250_000_000, gradle: 500_000_000, maven: 300_000_000, sapmachine: 250_000_000, pypy: 300_000_000, r: 300_000_000,
  'r-base': 300_000_000, mono: 250_000_000, dart: 250_000_000, composer: 80_000_000, busybox: 2_167_176, photon: 15_000_000,
  clearlinux: 50_000_000, mageia: 80_000_000, sl: 60_000_000, 'ibm-semeru-runtimes': 200_000_000, 'hello-world': 3_976,
};

/** isOfficialName tells whether library/<name> is a real Docker Hub official image in this simulation. */
export function isOfficialName(name: string): boolean {
  return name in OFFICIAL_SERVERS || name in OFFICIAL_TOOLS || DEDICATED.has(name);
}

/** DEDICATED are the official images with their own module (see catalog.ts). */
const DEDICATED = new Set(['nginx', 'busybox', 'alpine', 'ubuntu', 'debian', 'redis', 'httpd', 'postgres', 'mysql', 'hello-world']);

const cache = new Map<string, ImageSpec>();

/** officialImage returns the generic behaviour of an official image without a dedicated module. */
export function officialImage(name: string): ImageSpec | undefined {
  const hit = cache.get(name);
  if (hit) return hit;
  let spec: ImageSpec | undefined;
  const repository = `docker.io/library/${name}`;
  const server = OFFICIAL_SERVERS[name];
  if (server) {
    spec = serverImage({ repository, tags: [], sizeBytes: server[1], ports: [server[0]], defaultCommand: ['docker-entrypoint.sh'], defaultArgs: [name], binaries: [...DEBIAN_BINARIES, name], description: `official ${name} image`, stopMs: 200,
      startLines: () => [`${name}: started, listening on port ${server[0]}`] });
  } else if (OFFICIAL_TOOLS[name] !== undefined) {
    spec = shellImage({ repository, tags: [], sizeBytes: OFFICIAL_TOOLS[name], defaultArgs: ['bash'], flavor: 'gnu', binaries: [...DEBIAN_BINARIES, name], description: `official ${name} image` });
  }
  if (spec) cache.set(name, spec);
  return spec;
}
