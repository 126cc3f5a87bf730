FROM node:16-alpine AS web
FROM python:3.8-slim AS api
FROM golang:1.22 AS go
FROM ruby:2.7 AS ruby
FROM php:7.4-apache
