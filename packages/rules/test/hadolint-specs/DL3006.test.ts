import { specTable } from './spec-table.js';

specTable('DL3006', 'pin-base-image', [
  ['no untagged', 'FROM debian', true],
  ['no untagged with name', 'FROM debian AS builder', true],
  ['untagged digest is not an error', 'FROM ruby@sha256:f1dbca0f5dbc9', false],
  ['untagged digest is not an error: tag `ruby:2`', 'FROM ruby:2', false],
  ['using args is not an error', 'FROM ${VALUE}', false],
  ['local aliases are OK to be untagged', 'FROM golang:1.9.3-alpine3.7 AS build\nRUN foo\nFROM build as unit-test\nRUN bar\nFROM alpine:3.7\nRUN baz', false],
  ['local aliases are OK to be untagged', 'FROM golang:1.9.3-alpine3.7 AS build\nRUN foo\nFROM build as unit-test\nRUN bar\nFROM alpine:3.7\nRUN baz', false, 'onbuild'],
  ['other untagged cases are not ok', 'FROM golang:1.9.3-alpine3.7 AS build\nRUN foo\nFROM node as unit-test\nRUN bar\nFROM alpine:3.7\nRUN baz', true],
  ['other untagged cases are not ok', 'FROM golang:1.9.3-alpine3.7 AS build\nRUN foo\nFROM node as unit-test\nRUN bar\nFROM alpine:3.7\nRUN baz', true, 'onbuild'],
  ['scratch', 'FROM scratch', false],
]);
