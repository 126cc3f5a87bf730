FROM golang:1.26 as build
from alpine:3.22 AS final
From debian:13 as mixed
