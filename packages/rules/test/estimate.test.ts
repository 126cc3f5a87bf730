import { describe, expect, it } from 'vitest';
import { TABLE_DATE } from '../src/data/base-images.js';
import { describeSavings, estimateSavings } from '../src/lib/estimate.js';

// The estimator compares a Dockerfile before and after a rewrite; these pin its method.
describe('estimateSavings', () => {
  it('counts layer instructions fewer after a merge, and no base-image change when the FROM stays', () => {
    const before = 'FROM node:22-slim\nRUN apt-get update\nRUN apt-get install -y curl\nCOPY . /app\n';
    const after = 'FROM node:22-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nCOPY . /app\n';
    expect(estimateSavings(before, after)).toEqual({ layersRemoved: 1, baseImage: null, cachesRemoved: 1, sizesAsOf: TABLE_DATE });
  });

  it("uses the table's figures for the final stage's base image, full to slim", () => {
    const estimate = estimateSavings('FROM python:3.12\nCMD ["python", "app.py"]\n', 'FROM python:3.12-slim\nCMD ["python", "app.py"]\n');
    // The table: python:3.12 ~370 MB, python:3.12-slim ~45 MB.
    expect(estimate?.baseImage).toEqual({ before: { mb: 370, tag: 'python:3.12' }, after: { mb: 45, tag: 'python:3.12-slim' }, savedMb: 325 });
  });

  it('follows FROM <stage> to the external image of the shipped stage, and ignores builder stages', () => {
    const before = 'FROM node:22 AS build\nRUN npm ci\nFROM node:22 AS base\nFROM base\nCMD ["node", "a.js"]\n';
    const after = 'FROM node:22 AS build\nRUN npm ci\nFROM node:22-alpine AS base\nFROM base\nCMD ["node", "a.js"]\n';
    expect(estimateSavings(before, after)?.baseImage?.savedMb).toBe(390 - 55);
  });

  it('claims nothing for images the table has no sizes for, or for a bigger image, or for added layers', () => {
    expect(estimateSavings('FROM example.com/app:1\n', 'FROM example.com/app:1-slim\n')?.baseImage).toBeNull();
    expect(estimateSavings('FROM node:22-slim\n', 'FROM node:22\n')?.baseImage).toBeNull();
    expect(estimateSavings('FROM node:22-slim\nRUN a\n', 'FROM node:22-slim\nRUN a\nRUN b\n')?.layersRemoved).toBe(0);
  });
});

describe('describeSavings', () => {
  it('sums the files and names the sizes with their date', () => {
    const one = estimateSavings('FROM node:22\nRUN a\nRUN b\n', 'FROM node:22-slim\nRUN a && b\n');
    const two = estimateSavings('FROM alpine:3.20\nRUN apk add curl\n', 'FROM alpine:3.20\nRUN apk add --no-cache curl\n');
    if (!one || !two) throw new Error('no estimate');
    expect(describeSavings([one, two])).toBe(
      `Estimate: 1 layer fewer, base images ~315 MB smaller (table: node:22 ~390 MB → node:22-slim ~75 MB), 1 cache no longer kept in a layer; compressed amd64 sizes from dockfix's table of ${TABLE_DATE}`,
    );
  });

  it('says nothing when nothing is estimated', () => {
    const none = estimateSavings('FROM node:22\nCMD node a.js\n', 'FROM node:22\nCMD ["node", "a.js"]\n');
    expect(none && describeSavings([none])).toBe('');
  });
});
