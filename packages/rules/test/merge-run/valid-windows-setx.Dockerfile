# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
# setx writes the registry: only a new process (the next RUN) sees the new PATH
RUN setx /M PATH "%PATH%;C:\tools\bin"
RUN tool.exe --version
