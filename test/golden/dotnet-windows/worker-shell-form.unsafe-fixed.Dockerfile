# escape=`
FROM mcr.microsoft.com/dotnet/sdk:8.0-windowsservercore-ltsc2022 AS build
WORKDIR C:\src
COPY Worker.csproj .
RUN dotnet restore
COPY . .
RUN dotnet publish -c Release -o C:\out --no-restore

FROM mcr.microsoft.com/dotnet/runtime:8.0-windowsservercore-ltsc2022
WORKDIR C:\app
COPY --from=build C:\out .
# a background worker; stops on Ctrl+C / SIGTERM
CMD dotnet Worker.dll
