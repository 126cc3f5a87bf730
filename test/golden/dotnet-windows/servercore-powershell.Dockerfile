# escape=`
FROM mcr.microsoft.com/dotnet/sdk:8.0-windowsservercore-ltsc2022 AS build
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
WORKDIR C:\src
COPY . .
RUN dotnet publish -c Release -o C:\app

FROM mcr.microsoft.com/dotnet/aspnet:8.0-windowsservercore-ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
# the service reads its settings from C:\config
RUN New-Item -ItemType Directory -Path C:\config | Out-Null
WORKDIR C:\app
COPY --from=build C:\app .
ENTRYPOINT ["dotnet", "Service.dll"]
