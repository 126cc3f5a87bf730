import { specTable, type SpecCase } from './spec-table.js';

const both = (name: string, run: string, catches: boolean): SpecCase[] => [[name, run, catches], [name, run, catches, 'onbuild']];

// The comparison operators are escaped for the shell, as a Dockerfile would have them (`tomcat\>=9.0`).
specTable('DL3037', 'zypper-pin-versions', [
  ...both('no version pinning', 'RUN zypper install -y tomcat && zypper clean', true),
  ...both('pinned with =', 'RUN zypper install -y tomcat=9.0.39 && zypper clean', false),
  ...both('pinned with >=', 'RUN zypper install -y tomcat\\>=9.0 && zypper clean', false),
  ...both('pinned with >', 'RUN zypper install -y tomcat\\>9.0 && zypper clean', false),
  ...both('pinned with <=', 'RUN zypper install -y tomcat\\<=9.0 && zypper clean', false),
  ...both('pinned with <', 'RUN zypper install -y tomcat\\<9.0 && zypper clean', false),
  ...both('pinned rpm file name', 'RUN zypper install -y tomcat-9.0.39-1.rpm && zypper clean', false),
]);
