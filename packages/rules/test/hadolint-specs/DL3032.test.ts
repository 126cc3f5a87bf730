import { specTable, type SpecCase } from './spec-table.js';

const both = (name: string, run: string, catches: boolean): SpecCase[] => [[name, run, catches], [name, run, catches, 'onbuild']];

specTable('DL3032', 'yum-clean-all', [
  ...both('no clean all', 'RUN yum install -y mariadb-10.4', true),
  ...both('yum clean all', 'RUN yum install -y mariadb-10.4 && yum clean all', false),
  ...both('not even a yum command', 'RUN bash -c `# not even a yum command`', false),
  ...both('rm -rf /var/cache/yum/*', 'RUN yum install -y mariadb-10.4 && rm -rf /var/cache/yum/*', false),
  ['clean before install', 'RUN yum clean all && yum install -y', true],
]);
