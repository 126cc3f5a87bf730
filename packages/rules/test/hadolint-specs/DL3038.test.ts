import { specTable } from './spec-table.js';

specTable('DL3038', 'dnf-yes', [
  ['dnf without -y', 'RUN dnf install httpd-2.4.24 && dnf clean all', true],
  // Deliberate difference (on the rule's doc page): hadolint reports microdnf too, but microdnf never
  // prompts, so `-y` changes nothing. Expected here as dockfix behaves: not reported.
  ['microdnf without -y (hadolint: reported)', 'RUN microdnf install httpd-2.4.24 && microdnf clean all', false],
  ['dnf without -y', 'RUN dnf install httpd-2.4.24 && dnf clean all', true, 'onbuild'],
  ['microdnf without -y (hadolint: reported)', 'RUN microdnf install httpd-2.4.24 && microdnf clean all', false, 'onbuild'],
  ['dnf -y', 'RUN dnf install -y httpd-2.4.24 && dnf clean all', false],
  ['microdnf -y', 'RUN microdnf install -y httpd-2.4.24 && microdnf clean all', false],
  ['notdnf', 'RUN notdnf install httpd', false],
  ['dnf -y', 'RUN dnf install -y httpd-2.4.24 && dnf clean all', false, 'onbuild'],
  ['microdnf -y', 'RUN microdnf install -y httpd-2.4.24 && microdnf clean all', false, 'onbuild'],
  ['notdnf', 'RUN notdnf install httpd', false, 'onbuild'],
]);
