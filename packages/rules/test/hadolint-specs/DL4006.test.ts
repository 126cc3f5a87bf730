import { specTable } from './spec-table.js';

const pipe = 'RUN wget -O - https://some.site | wc -l file > /number';
const pwsh = 'RUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value';

specTable('DL4006', 'pipefail', [
  ['missing pipefail', 'FROM scratch\nRUN wget -O - https://some.site | wc -l > /number\n', true],
  ['no pipe', 'FROM scratch as build\nRUN wget -O - https://some.site && wc -l file > /number\n', false],
  ['pipefail in SHELL (-eo pipefail)', `FROM scratch as build\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\n${pipe}\n`, false],
  ['pipefail in SHELL (-e -o pipefail)', `FROM scratch as build\nSHELL ["/bin/bash", "-e", "-o", "pipefail", "-c"]\n${pipe}\n`, false],
  ['pipefail in SHELL (-o errexit -o pipefail)', `FROM scratch as build\nSHELL ["/bin/bash", "-o", "errexit", "-o", "pipefail", "-c"]\n${pipe}\n`, false],
  ['pipefail in zsh', `FROM scratch as build\nSHELL ["/bin/zsh", "-o", "pipefail", "-c"]\n${pipe}\n`, false],
  ['bash at another absolute path', `FROM scratch as build\nSHELL ["/usr/bin/bash", "-o", "pipefail", "-c"]\n${pipe}\n`, false],
  ['zsh at another absolute path', `FROM scratch as build\nSHELL ["/usr/local/bin/zsh", "-o", "pipefail", "-c"]\n${pipe}\n`, false],
  ['pwsh', `FROM scratch as build\nSHELL ["pwsh", "-c"]\n${pwsh}\n`, false],
  // POSIX.1-2024 has `set -o pipefail`; a sh without it rejects the option and fails every RUN, loudly.
  [
    'plain sh with -o pipefail',
    `FROM scratch as build\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\n${pipe}\n`,
    true,
    undefined,
    '`sh -o pipefail` turns pipefail on or fails every RUN: nothing is hidden',
  ],
  ['missing pipefail in the next stage', `FROM scratch as build\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n${pipe}\nFROM scratch as build2\n${pipe}\n`, true],
  ['a later SHELL without pipefail', `FROM scratch as build\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n${pipe}\nSHELL ["/bin/sh", "-c"]\n${pipe}\n`, true],
  ['non-POSIX shell: pwsh', `FROM mcr.microsoft.com/powershell:ubuntu-16.04\nSHELL [ "pwsh", "-c" ]\n${pwsh}\n`, false],
  ['non-POSIX shell: powershell', `FROM mcr.microsoft.com/powershell:ubuntu-16.04\nSHELL [ "powershell.exe" ]\n${pwsh}\n`, false],
  ['non-POSIX shell: cmd.exe', `FROM mcr.microsoft.com/powershell:ubuntu-16.04\nSHELL [ "cmd.exe", "/c" ]\n${pwsh}\n`, false],
]);
