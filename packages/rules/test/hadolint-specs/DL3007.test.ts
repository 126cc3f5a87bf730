import { specTable } from './spec-table.js';

specTable('DL3007', 'pin-base-image', [
  ['explicit latest', 'FROM debian:latest', true],
  ['explicit latest with name', 'FROM debian:latest AS builder', true],
  ['explicit tagged', 'FROM debian:jessie', false],
  ['explicit SHA', 'FROM hub.docker.io/debian@sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb', false],
  ['explicit tagged and SHA', 'FROM hub.docker.io/debian:latest@sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb', false],
  ['explicit tagged with name', 'FROM debian:jessie AS builder', false],
]);
