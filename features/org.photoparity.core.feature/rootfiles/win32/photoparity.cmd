@echo off
rem PhotoParity start script (Windows x86_64).
rem   photoparity.cmd                  open the workbench on the demo case
rem   photoparity.cmd ^<command^> ...    run headless (photoparity.cmd --help lists the commands)
rem Java: runtime\ next to this script when there is one, else JAVA_HOME, else java on the PATH; it must be 21 or
rem newer (read from the runtimes release file). JVM options: PHOTOPARITY_JAVA_OPTS.
setlocal EnableExtensions
set "HERE=%~dp0"
set "JAVA_EXE="
call :pick "%HERE%runtime"
if not defined JAVA_EXE if defined JAVA_HOME call :pick "%JAVA_HOME%"
if not defined JAVA_EXE for %%J in (java.exe) do if not "%%~$PATH:J"=="" call :pick "%%~dp$PATH:J.."
if not defined JAVA_EXE (
  echo photoparity: no Java 21 or newer found ^(looked at %HERE%runtime, JAVA_HOME, java on the PATH^). 1>&2
  echo Install one ^(e.g. Eclipse Temurin 21+ for Windows x64^) and set JAVA_HOME to it. 1>&2
  exit /b 1
)
set "LAUNCHER="
for %%L in ("%HERE%plugins\org.photoparity.launcher_*.jar") do set "LAUNCHER=%%~fL"
if not defined LAUNCHER (
  echo photoparity: no plugins\org.photoparity.launcher_*.jar in %HERE% 1>&2
  exit /b 1
)
"%JAVA_EXE%" -Xmx1g %PHOTOPARITY_JAVA_OPTS% -jar "%LAUNCHER%" %*
exit /b %ERRORLEVEL%

:pick
rem %1 = a Java home; sets JAVA_EXE when bin\java.exe is there and its release file does not say older than 21
if not exist "%~1\bin\java.exe" exit /b 1
set "V="
if exist "%~1\release" for /f "tokens=2 delims==." %%V in (findstr /b "JAVA_VERSION=" "%~1\release") do set "V=%%~V"
if defined V set "V=%V:"=%"
if defined V if %V% LSS 21 exit /b 1
set "JAVA_EXE=%~1\bin\java.exe"
exit /b 0
