# escape=`

FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
WORKDIR C:\app
COPY app\bin\Release C:\app\
ENV TOOLS=C:\tools\bin
RUN New-Item -ItemType Directory -Path C:\data ; `
    Write-Host 'created C:\data'
RUN echo a\
CMD ["C:\\app\\server.exe", "--port", "8080"]
