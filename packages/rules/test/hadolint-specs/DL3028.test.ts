import { specTable, type SpecCase } from './spec-table.js';

const both = (name: string, run: string, catches: boolean): SpecCase[] => [[name, run, catches], [name, run, catches, 'onbuild']];

specTable('DL3028', 'gem-pin-versions', [
  ...both('gem i unpinned', 'RUN gem i bundler', true),
  ...both('gem i pinned', 'RUN gem i bundler:1', false),
  ...both('gem i multi, one unpinned', 'RUN gem i bunlder:1 nokogiri', true),
  // hadolint's plain variant has the typo `nokogirii:1`, its ONBUILD variant `nokogiri:1`: both are pinned.
  ['gem i multi, all pinned', 'RUN gem i bunlder:1 nokogirii:1', false],
  ['gem i multi, all pinned', 'RUN gem i bunlder:1 nokogiri:1', false, 'onbuild'],
  ...both('gem install unpinned', 'RUN gem install bundler', true),
  ...both('gem install pinned', 'RUN gem install bundler:1', false),
  ...both('-v', "RUN gem install bundler -v '2.0.1'", false),
  ...both('--version without =', "RUN gem install bundler --version '2.0.1'", false),
  ...both('--version with =', "RUN gem install bundler --version='2.0.1'", false),
  ...both('extra flags with equal sign after --', 'RUN gem install bundler:2.0.1 -- --use-system-libraries=true', false),
  ...both('extra flags after --', 'RUN gem install bundler:2.0.1 -- --use-system-libraries true', false),
  ...both('extra flags', 'RUN gem install bundler:2.0.1 --use-system-libraries true', false),
  ...both('extra flags with equal sign', 'RUN gem install bundler:2.0.1 --use-system-libraries=true', false),
]);
