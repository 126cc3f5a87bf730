FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
COPY a.dll \
	C:\\Windows\\System32\\

ENV X=1
