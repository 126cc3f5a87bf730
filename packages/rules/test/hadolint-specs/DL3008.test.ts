import { specTable } from './spec-table.js';

specTable('DL3008', 'apt-pin-versions', [
  ['apt-get version pinning', 'RUN apt-get update && apt-get install python', true],
  ['apt-get version pinning', 'RUN apt-get update && apt-get install python', true, 'onbuild'],
  ['apt-get pinned chained', 'RUN apt-get update \\\n && apt-get -yqq --no-install-recommends install nodejs=0.10 \\\n && rm -rf /var/lib/apt/lists/*', false],
  ['apt-get pinned chained', 'RUN apt-get update \\\n && apt-get -yqq --no-install-recommends install nodejs=0.10 \\\n && rm -rf /var/lib/apt/lists/*', false, 'onbuild'],
  ['apt-get pinned regression', 'RUN apt-get update && apt-get install --no-install-recommends -y \\\npython-demjson=2.2.2* \\\nwget=1.16.1* \\\ngit=1:2.5.0* \\\nruby=1:2.1.*', false],
  ['apt-get pinned regression', 'RUN apt-get update && apt-get install --no-install-recommends -y \\\npython-demjson=2.2.2* \\\nwget=1.16.1* \\\ngit=1:2.5.0* \\\nruby=1:2.1.*', false, 'onbuild'],
  ['apt-get version', 'RUN apt-get install -y python=1.2.2', false],
  ['apt-get version', 'RUN apt-get install -y python=1.2.2', false, 'onbuild'],
  ['apt-get version: local .deb file', 'RUN apt-get install ./wkhtmltox_0.12.5-1.bionic_amd64.deb', false],
  ['apt-get version: local .deb file', 'RUN apt-get install ./wkhtmltox_0.12.5-1.bionic_amd64.deb', false, 'onbuild'],
  ['apt-get pinned', 'RUN apt-get -y --no-install-recommends install nodejs=0.10', false],
  ['apt-get pinned', 'RUN apt-get -y --no-install-recommends install nodejs=0.10', false, 'onbuild'],
  ['apt-get tolerate target-release', 'RUN set -e &&\\\n echo "deb http://http.debian.net/debian jessie-backports main" > /etc/apt/sources.list.d/jessie-backports.list &&\\\n apt-get update &&\\\n apt-get install -y --no-install-recommends -t jessie-backports openjdk-8-jdk=8u131-b11-1~bpo8+1 &&\\\n rm -rf /var/lib/apt/lists/*', false],
  ['apt-get tolerate target-release', 'RUN set -e &&\\\n echo "deb http://http.debian.net/debian jessie-backports main" > /etc/apt/sources.list.d/jessie-backports.list &&\\\n apt-get update &&\\\n apt-get install -y --no-install-recommends -t jessie-backports openjdk-8-jdk=8u131-b11-1~bpo8+1 &&\\\n rm -rf /var/lib/apt/lists/*', false, 'onbuild'],
]);
