import type { ImageSpec } from './types';
import { BUSYBOX_BINARIES, DEBIAN_BINARIES, effectiveArgv, runCommandLine } from './program';

/**
 * shellImage builds an image whose PID 1 is a command line run by the tiny shell
 * (busybox, alpine, ubuntu, debian): with no command, `sh`/`bash` reads an empty stdin and exits 0.
 */
export function shellImage(o: { repository: string; tags: string[]; sizeBytes: number; defaultArgs: string[]; flavor: 'busybox' | 'gnu'; binaries: string[]; description: string; defaultCommand?: string[] }): ImageSpec {
  const image: ImageSpec = {
    repository: o.repository,
    tags: o.tags,
    sizeBytes: o.sizeBytes,
    defaultCommand: o.defaultCommand ?? [],
    defaultArgs: o.defaultArgs,
    binaries: o.binaries,
    description: o.description,
    start: (ctx) => runCommandLine(ctx, image, o.flavor, effectiveArgv(ctx, image).argv),
  };
  return image;
}

/** BUSYBOX is docker.io/library/busybox. */
export const BUSYBOX = shellImage({
  repository: 'docker.io/library/busybox', flavor: 'busybox', binaries: [...BUSYBOX_BINARIES, 'httpd'], defaultArgs: ['sh'],
  tags: ['1.28', '1.28.4', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.35.0', '1.36', '1.36.0', '1.36.1', '1.37', '1.37.0', 'stable', 'musl', 'glibc', 'uclibc', 'unstable', '1.36-musl', '1.37-musl'],
  sizeBytes: 2_167_176, description: 'BusyBox: the Swiss Army knife of embedded Linux',
});

/** ALPINE is docker.io/library/alpine. */
export const ALPINE = shellImage({
  repository: 'docker.io/library/alpine', flavor: 'busybox', binaries: [...BUSYBOX_BINARIES, 'apk'], defaultArgs: ['/bin/sh'],
  tags: ['3', '3.18', '3.19', '3.20', '3.21', '3.21.3', '3.20.6', 'edge'],
  sizeBytes: 3_653_068, description: 'Alpine Linux 3.21',
});

/** UBUNTU is docker.io/library/ubuntu. */
export const UBUNTU = shellImage({
  repository: 'docker.io/library/ubuntu', flavor: 'gnu', binaries: [...DEBIAN_BINARIES, 'ps'], defaultArgs: ['/bin/bash'],
  tags: ['20.04', '22.04', '24.04', '24.10', 'focal', 'jammy', 'noble', 'oracular', 'rolling'],
  sizeBytes: 29_754_422, description: 'Ubuntu 24.04 LTS',
});

/** DEBIAN is docker.io/library/debian. */
export const DEBIAN = shellImage({
  repository: 'docker.io/library/debian', flavor: 'gnu', binaries: DEBIAN_BINARIES, defaultArgs: ['bash'],
  tags: ['11', '12', '12.9', 'bookworm', 'bookworm-slim', 'bullseye', 'bullseye-slim', 'stable', 'stable-slim'],
  sizeBytes: 48_494_272, description: 'Debian 12 (bookworm)',
});

/** BATCH_JOB is luksa/batch-job from Kubernetes in Action (runs 120 s, then exits 0). */
export const BATCH_JOB = shellImage({
  repository: 'docker.io/luksa/batch-job', flavor: 'busybox', binaries: BUSYBOX_BINARIES,
  defaultCommand: ['/bin/sh', '-c', 'echo "$(date) Batch job starting"; sleep 120; echo "$(date) Finished succesfully"'], defaultArgs: [],
  tags: [], sizeBytes: 1_251_043, description: 'Kubernetes in Action batch job (busybox, sleeps 120 s)',
});

/** SSD_MONITOR is luksa/ssd-monitor from Kubernetes in Action 4.4 (busybox loop printing `SSD OK` every 5 s). */
export const SSD_MONITOR = shellImage({
  repository: 'docker.io/luksa/ssd-monitor', flavor: 'busybox', binaries: BUSYBOX_BINARIES,
  defaultCommand: ['/bin/sh', '-c', 'while true; do echo "SSD OK"; sleep 5; done'], defaultArgs: [],
  tags: [], sizeBytes: 1_251_043, description: 'Kubernetes in Action DaemonSet example (busybox, prints SSD OK every 5 s)',
});

const HELLO = `
Hello from Docker!
This message shows that your installation appears to be working correctly.

To generate this message, Docker took the following steps:
 1. The Docker client contacted the Docker daemon.
 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.
    (amd64)
 3. The Docker daemon created a new container from that image which runs the
    executable that produces the output you are currently reading.
 4. The Docker daemon streamed that output to the Docker client, which sent it
    to your terminal.

To try something more ambitious, you can run an Ubuntu container with:
 $ docker run -it ubuntu bash

Share images, automate workflows, and more with a free Docker ID:
 https://hub.docker.com/

For more examples and ideas, visit:
 https://docs.docker.com/get-started/
`;

/** HELLO_WORLD is docker.io/library/hello-world (prints its greeting and exits 0). */
export const HELLO_WORLD: ImageSpec = {
  repository: 'docker.io/library/hello-world', tags: ['linux'], sizeBytes: 3_976, defaultCommand: ['/hello'], defaultArgs: [], binaries: ['hello'],
  description: 'Hello World! (an example of minimal Dockerization)',
  start(ctx) {
    for (const l of HELLO.split('\n').slice(0, -1)) ctx.log(l);
    ctx.after(0, () => ctx.exit(0));
    return { listens: () => false, signal: () => {}, exec: (a) => ({ exitCode: 126, stdout: '', stderr: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${a[0]}": executable file not found in $PATH: unknown\n` }) };
  },
};
