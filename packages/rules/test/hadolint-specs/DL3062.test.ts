import { specTable, type SpecCase } from './spec-table.js';

const both = (name: string, run: string, catches: boolean): SpecCase[] => [[name, run, catches], [name, run, catches, 'onbuild']];

specTable('DL3062', 'go-install-pin-versions', [
  ...both('go install not pinned', 'RUN go install example.com/pkg', true),
  ...both('go install pinned as latest', 'RUN go install example.com/pkg@latest', true),
  ...both('go install pinned', 'RUN go install example.com/pkg@v1.2.3', false),
  ...both('go install local absolute path', 'RUN go install /go/app/foobar', false),
  ...both('go install local relative path', 'RUN go install ./app/foobar', false),
  ...both('go install local dir', 'RUN go install .', false),
  ...both('go get not pinned', 'RUN go get example.com/pkg', true),
  ...both('go get pinned as latest', 'RUN go get example.com/pkg@latest', true),
  ...both('go get pinned', 'RUN go get example.com/pkg@v1.2.3', false),
  ...both('go get -tool not pinned', 'RUN go get -tool foobar', true),
  ...both('go get -tool pinned as latest', 'RUN go get -tool foobar@latest', true),
  ...both('go get -tool pinned', 'RUN go get -tool foobar@v1.2.3', false),
  ...both('go run not pinned', 'RUN go run example.com/pkg', true),
  ...both('go run pinned as latest', 'RUN go run example.com/pkg@latest', true),
  ...both('go run pinned', 'RUN go run example.com/pkg@v1.2.3', false),
  ...both('go run pinned with -f', 'RUN go run example.com/pkg@v1.2.3 -f', false),
  ...both('go run pinned with -foobar', 'RUN go run example.com/pkg@v1.2.3 -foobar', false),
  ...both('go run pinned with --foobar', 'RUN go run example.com/pkg@v1.2.3 --foobar', false),
  ...both('go run pinned with arguments', 'RUN go run example.com/pkg@v1.2.3 foobar', false),
]);
