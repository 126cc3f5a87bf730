import { specTable, type SpecCase } from './spec-table.js';

const both = (name: string, run: string, catches: boolean): SpecCase[] => [[name, run, catches], [name, run, catches, 'onbuild']];

specTable('DL3036', 'zypper-clean', [
  ...both('no zypper clean', 'RUN zypper install -y mariadb=10.4', true),
  ...both('zypper clean', 'RUN zypper install -y mariadb=10.4 && zypper clean', false),
  ...both('zypper cc', 'RUN zypper install -y mariadb=10.4 && zypper cc', false),
  ['clean before install', 'RUN zypper clean && zypper install -y mariadb=10.4', true],
  ...both('cache mount', 'RUN --mount=type=cache,target=/var/cache/zypp zypper install -y mariadb', false),
  ...both('tmpfs mount', 'RUN --mount=type=tmpfs,target=/var/cache/zypp zypper install -y mariadb', false),
]);
