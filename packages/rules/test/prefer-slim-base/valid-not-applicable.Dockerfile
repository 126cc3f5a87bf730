# ubuntu has no slim variant, postgres' alpine variant collates differently, Windows tags are left alone
FROM postgres:17 AS db
FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS win
FROM nginx:1.27-perl AS perl
FROM ubuntu:24.04
CMD ["bash"]
