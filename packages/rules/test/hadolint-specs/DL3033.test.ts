import { specTable, type SpecCase } from './spec-table.js';

const both = (name: string, run: string, catches: boolean): SpecCase[] => [[name, run, catches], [name, run, catches, 'onbuild']];

specTable('DL3033', 'yum-pin-versions', [
  ...both('no version pinning', 'RUN yum install -y tomcat && yum clean all', true),
  ...both('version pinning', 'RUN yum install -y tomcat-9.2 && yum clean all', false),
  ...both('not even a yum command', 'RUN bash -c `# not even a yum command`', false),
  ...both('version contains an epoch', 'RUN yum install -y openssl-1:1.1.1k', false),
  ...both('package name contains -', 'RUN yum install -y rpm-sign-4.16.1.3', false),
  ...both('package name contains - and +', 'RUN yum install -y gcc-c++-1.1.1', false),
  ...both('module without a stream', 'RUN yum module install -y tomcat && yum clean all', true),
  ...both('module with a stream', 'RUN yum module install -y tomcat:9 && yum clean all', false),
  // Versions from a variable matter for Renovate-style updates, which bump the ENV/ARG and not the RUN.
  ['version from a braced ENV variable', 'ENV version=2.51.0-2.fc42\nRUN yum -y install git-core-${version}\n', false],
  ['version from an unbraced ARG', 'ARG version=2.51.0-2.fc42\nRUN yum -y install git-core-$version\n', false],
  [
    'version from an ARG of another stage',
    'FROM fedora:fc42 AS build\nARG version=2.51.0-2.fc42\nFROM fedora:fc42\nRUN yum -y install git-core-${version}\n',
    false,
  ],
  ['version from an ENV of the parent stage', 'FROM fedora:fc42 AS build\nENV version=2.51.0-2.fc42\nFROM build\nRUN yum -y install git-core-${version}\n', false],
  [
    'version from an ENV of an unrelated stage',
    'FROM fedora:fc42 AS build\nENV version=2.51.0-2.fc42\nFROM fedora:fc42\nRUN yum -y install git-core-${version}\n',
    true,
    undefined,
    'a name with a variable in it is never judged',
  ],
]);
