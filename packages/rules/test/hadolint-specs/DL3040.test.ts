import { specTable, type SpecCase } from './spec-table.js';

const plain = (name: string, runs: readonly string[], catches: boolean): SpecCase[] => runs.map((run): SpecCase => [name, run, catches]);
const onbuild = (name: string, runs: readonly string[], catches: boolean): SpecCase[] => runs.map((run): SpecCase => [name, run, catches, 'onbuild']);

specTable('DL3040', 'dnf-clean-all', [
  ...plain('no dnf clean all', ['RUN dnf install -y mariadb-10.4', 'RUN microdnf install -y mariadb-10.4', 'RUN dnf in -y mariadb-10.4'], true),
  ...onbuild('no dnf clean all', ['RUN dnf install -y mariadb-10.4', 'RUN dnf in -y mariadb-10.4', 'RUN dnf install -y mariadb-10.4 && microdnf clean all', 'RUN microdnf install -y mariadb-10.4'], true),
  ...plain('dnf clean all', ['RUN dnf install -y mariadb-10.4 && dnf clean all', 'RUN dnf in -y mariadb-10.4 && dnf clean all', 'RUN microdnf install -y mariadb-10.4 && microdnf clean all', 'RUN notdnf install mariadb'], false),
  ...onbuild('dnf clean all', ['RUN dnf install -y mariadb-10.4 && dnf clean all', 'RUN microdnf install -y mariadb-10.4 && microdnf clean all', 'RUN notdnf install mariadb'], false),
  ...plain('rm /var/cache/yum', ['RUN dnf install -y mariadb-10.4 && rm -rf /var/cache/yum/*', 'RUN dnf in -y mariadb-10.4 && rm -rf /var/cache/yum/*', 'RUN microdnf install -y mariadb-10.4 && rm -rf /var/cache/yum/*'], false),
  ...onbuild('rm /var/cache/yum', ['RUN dnf install -y mariadb-10.4 && rm -rf /var/cache/yum/*', 'RUN dnf in -y mariadb-10.4 && rm -rf /var/cache/yum/*', 'RUN microdnf install -y mariadb-10.4 && rm -rf /var/cache/yum/*'], false),
  ...plain('clean before install', ['RUN microdnf clean all && dnf install -y mariadb-10.4', 'RUN microdnf clean all && dnf in -y mariadb-10.4', 'RUN rm -rf /var/cache/libdnf5 && dnf install -y mariadb-10.4', 'RUN rm -rf /var/cache/libdnf5 && dnf in -y mariadb-10.4', 'RUN rm -rf /var/cache/libdnf5 && microdnf install -y mariadb-10.4'], true),
  ...onbuild('clean before install', ['RUN rm -rf /var/cache/libdnf5 && dnf install -y mariadb-10.4', 'RUN rm -rf /var/cache/libdnf5 && dnf in -y mariadb-10.4', 'RUN rm -rf /var/cache/libdnf5 && microdnf install -y mariadb-10.4'], true),
  ...plain('cache mount', ['RUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y mariadb-10.4', 'RUN --mount=type=cache,target=/var/cache/libdnf5 dnf in -y mariadb-10.4', 'RUN --mount=type=cache,target=/var/cache/libdnf5 microdnf install -y mariadb-10.4'], false),
  ...onbuild('cache mount', ['RUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y mariadb-10.4', 'RUN --mount=type=cache,target=/var/cache/libdnf5 dnf in -y mariadb-10.4', 'RUN --mount=type=cache,target=/var/cache/libdnf5 microdnf install -y mariadb-10.4'], false),
  ...plain('tmpfs mount', ['RUN --mount=type=tmpfs,target=/var/cache/libdnf5 dnf install -y mariadb-10.4', 'RUN --mount=type=tmpfs,target=/var/cache/libdnf5 dnf in -y mariadb-10.4', 'RUN --mount=type=tmpfs,target=/var/cache/libdnf5 microdnf install -y mariadb-10.4'], false),
  ...onbuild('tmpfs mount', ['RUN --mount=type=tmpfs,target=/var/cache/libdnf5 dnf install -y mariadb-10.4', 'RUN --mount=type=tmpfs,target=/var/cache/libdnf5 dnf in -y mariadb-10.4', 'RUN --mount=type=tmpfs,target=/var/cache/libdnf5 microdnf install -y mariadb-10.4'], false),
  ...plain('dnf upgrade', ['RUN dnf -y upgrade', 'RUN dnf -y up'], true),
  ...onbuild('dnf upgrade', ['RUN dnf -y upgrade', 'RUN dnf -y up'], true),
  ...plain('install command variants', ['RUN dnf -y install', 'RUN dnf -y in', 'RUN dnf -y upgrade', 'RUN dnf -y up', 'RUN dnf -y upgrade-minimal', 'RUN dnf -y up-min', 'RUN dnf -y reinstall', 'RUN dnf -y rei'], true),
  ...plain('install command variants with clean', ['RUN dnf -y install && dnf clean all', 'RUN dnf -y in && dnf clean all', 'RUN dnf -y upgrade && dnf clean all', 'RUN dnf -y up && dnf clean all', 'RUN dnf -y upgrade-minimal && dnf clean all', 'RUN dnf -y up-min && dnf clean all', 'RUN dnf -y reinstall && dnf clean all', 'RUN dnf -y rei && dnf clean all'], false),
]);
