import { specTable, type SpecCase } from './spec-table.js';

const both = (name: string, run: string, catches: boolean): SpecCase[] => [[name, run, catches], [name, run, catches, 'onbuild']];

specTable('DL3034', 'zypper-yes', [
  ...both('no non-interactive switch', 'RUN zypper install httpd=2.4.24 && zypper clean', true),
  ...both('-n', 'RUN zypper install -n httpd=2.4.24 && zypper clean', false),
  ...both('--non-interactive', 'RUN zypper install --non-interactive httpd=2.4.24 && zypper clean', false),
  ...both('-y', 'RUN zypper install -y httpd=2.4.24 && zypper clean', false),
  ...both('--no-confirm', 'RUN zypper install --no-confirm httpd=2.4.24 && zypper clean', false),
]);
