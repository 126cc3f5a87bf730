FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN cd C:\app & dir %APPDATA%
SHELL ["pwsh", "-Command"]
RUN cd $env:APPDATA; Get-ChildItem $foo
FROM debian:12
RUN ["sh", "-c", "cd /x; ls $foo"]
