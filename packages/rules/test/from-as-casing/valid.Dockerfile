FROM golang:1.26 AS build
from alpine:3.22 as final
