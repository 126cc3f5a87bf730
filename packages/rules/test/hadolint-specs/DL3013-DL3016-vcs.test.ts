import { specTable } from './spec-table.js';

// The VCS-URL examples of hadolint's DL3013 and DL3016 specs (the rest of those spec files is not ported yet).
specTable('DL3013', 'pip-pin-versions', [
  ['pip install git with @ref', 'RUN pip install git+https://github.com/rtfd/r-ext.git@0.6-alpha#egg=r-ext', false],
  ['pip install git+ssh with @ref', 'RUN pip install git+ssh://github.com/rtfd/r-ext.git@0.6-alpha#egg=r-ext', false],
  ['pip install unversioned git', 'RUN pip install git+https://github.com/rtfd/read-ext.git#egg=read-ext', true],
  ['pip install unversioned git+ssh', 'RUN pip install git+ssh://github.com/rtfd/read-ext.git#egg=read-ext', true],
  ['pip install https url package', 'RUN pip install https://foo.bar/baz.zip', false],
]);

specTable('DL3016', 'npm-pin-versions', [
  ['commit pinned for git+ssh', 'RUN npm install git+ssh://git@github.com:npm/npm.git#v1.0.27', false],
  ['commit pinned for git+http', 'RUN npm install git+http://isaacs@github.com/npm/npm#semver:^5.0', false],
  ['commit pinned for git+https', 'RUN npm install git+https://isaacs@github.com/npm/npm.git#v1.0.27', false],
  ['commit pinned for git', 'RUN npm install git://github.com/npm/npm.git#v1.0.27', false],
  ['commit not pinned for git+ssh', 'RUN npm install git+ssh://git@github.com:npm/npm.git', true],
  ['commit not pinned for git+http', 'RUN npm install git+http://isaacs@github.com/npm/npm', true],
  ['commit not pinned for git+https', 'RUN npm install git+https://isaacs@github.com/npm/npm.git', true],
  ['commit not pinned for git', 'RUN npm install git://github.com/npm/npm.git', true],
  ['tarball suffix .tar', 'RUN npm install package-v1.2.3.tar', false],
  ['tarball suffix .tar.gz', 'RUN npm install package-v1.2.3.tar.gz', false],
]);
