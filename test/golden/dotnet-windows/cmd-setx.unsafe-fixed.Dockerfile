FROM mcr.microsoft.com/windows/servercore:ltsc2022
# tools go on the machine PATH; the next RUN needs the new PATH
RUN setx /M PATH "%PATH%;C:\tools"
RUN mkdir C:\tools
COPY tools/ C:/tools/
CMD ["cmd", "/S", "/C", "C:\\tools\\agent.exe"]
