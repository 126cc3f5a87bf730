import { specTable, type SpecCase } from './spec-table.js';

const both = (name: string, run: string, catches: boolean): SpecCase[] => [[name, run, catches], [name, run, catches, 'onbuild']];
const truthy = ['1', 'on', 'yes', 'true'];
const falsy = ['0', 'off', 'no', 'false'];

specTable('DL3042', 'pip-no-cache-dir', [
  ...both('pip2 --no-cache-dir not used', 'RUN pip2 install MySQL_python', true),
  ...both('pip3 --no-cache-dir not used', 'RUN pip3 install MySQL_python', true),
  ...both('pip --no-cache-dir not used', 'RUN pip install MySQL_python', true),
  ...both('pip2 --no-cache-dir used', 'RUN pip2 install MySQL_python --no-cache-dir', false),
  ...both('pip3 --no-cache-dir used', 'RUN pip3 install --no-cache-dir MySQL_python', false),
  ...both('pip --no-cache-dir used', 'RUN pip install MySQL_python --no-cache-dir', false),
  ...both('pipx', 'RUN pipx install software', false),
  ...both('pipenv', 'RUN pipenv install library', false),
  ...truthy.map((v): SpecCase => [`ENV PIP_NO_CACHE_DIR=${v}`, `ENV PIP_NO_CACHE_DIR=${v}\nRUN pip install MySQL_python`, false]),
  ...truthy.map((v): SpecCase => [`RUN PIP_NO_CACHE_DIR=${v} pip`, `RUN PIP_NO_CACHE_DIR=${v} pip install MySQL_python`, false]),
  ...truthy.map((v): SpecCase => [`RUN export PIP_NO_CACHE_DIR=${v}`, `RUN export PIP_NO_CACHE_DIR=${v} && pip install MySQL_python`, false]),
  ...falsy.map((v): SpecCase => [`ENV PIP_NO_CACHE_DIR=${v}`, `ENV PIP_NO_CACHE_DIR=${v}\nRUN pip install MySQL_python`, true]),
  ...falsy.map((v): SpecCase => [`RUN PIP_NO_CACHE_DIR=${v} pip`, `RUN PIP_NO_CACHE_DIR=${v} pip install MySQL_python`, true]),
  ...falsy.map((v): SpecCase => [`RUN export PIP_NO_CACHE_DIR=${v}`, `RUN export PIP_NO_CACHE_DIR=${v} && pip install MySQL_python`, true]),
  ['PIP_NO_CACHE_DIR inherited', 'FROM debian:buster as base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install six\n', false],
  ['PIP_NO_CACHE_DIR not inherited', 'FROM debian:buster as base\nENV PIP_NO_CACHE_DIR=1\nFROM debian:buster\nRUN pip install six\n', true],
  ...both('cache mount in cache dir', 'RUN --mount=type=cache,target=/root/.cache/pip pip install foobar', false),
  ...both('tmpfs mount in cache dir', 'RUN --mount=type=tmpfs,target=/root/.cache/pip pip install foobar', false),
]);
