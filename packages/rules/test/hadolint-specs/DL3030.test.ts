import { specTable, type SpecCase } from './spec-table.js';

const both = (name: string, run: string, catches: boolean): SpecCase[] => [[name, run, catches], [name, run, catches, 'onbuild']];

specTable('DL3030', 'yum-yes', [
  ...both('yum install without -y', 'RUN yum install httpd-2.4.24 && yum clean all', true),
  ...both('yum install -y', 'RUN yum install -y httpd-2.4.24 && yum clean all', false),
  ...both('not even a yum command', 'RUN bash -c `# not even a yum command`', false),
]);
