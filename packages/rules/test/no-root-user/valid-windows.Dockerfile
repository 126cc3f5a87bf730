# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
COPY app.exe C:/app/app.exe
RUN mkdir C:\data `
    && echo ok
CMD ["C:\\app\\app.exe"]
