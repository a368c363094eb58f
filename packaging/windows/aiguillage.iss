; Inno Setup 6 script: the Windows installer of the desk, built from the PyInstaller
; bundle (dist\aiguillage\, made by `pyinstaller packaging\aiguillage.spec`).
;
;   iscc /DAppVersion=0.1.0 /DNumVersion=0.1.0 packaging\windows\aiguillage.iss
;
; AppVersion is the package's version as it is (0.2.0rc1 too); NumVersion its release
; numbers only (0.2.0), the form Windows' file properties accept.
;
; gives dist\installer\aiguillage-0.1.0-installation.exe. The CI workflow
; .github/workflows/windows-installer.yml does both steps on a Windows runner.
;
; - Per user, without administrator rights: the program goes to
;   %LOCALAPPDATA%\Programs\Aiguillage (an administrator may still choose "for all users").
; - A Start-menu entry (and, if asked, a desktop icon) that opens the window with
;   aiguillagew.exe, which has no console.
; - The uninstaller removes the program only. The desk's data (database, backups, logs) is
;   in %LOCALAPPDATA%\Aiguillage, a folder the installer never writes to and the
;   uninstaller never touches: a reinstall or an upgrade finds every visit logged.

#if Ver < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or newer is needed (x64compatible)
#endif
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef NumVersion
  #define NumVersion "0.0.0"
#endif
#define Bundle "..\..\dist\aiguillage"

[Setup]
; Keep this AppId for ever: it is how an upgrade finds the installed version.
AppId={{5B0E6C1E-3F7A-4C52-9E0B-2A8D7C4F1A93}
AppName=Aiguillage
AppVersion={#AppVersion}
AppVerName=Aiguillage {#AppVersion}
AppPublisher=Aiguillage
AppComments=Le poste du premier accueil du Service public régional de l’orientation
VersionInfoVersion={#NumVersion}
DefaultDirName={autopf}\Aiguillage
DefaultGroupName=Aiguillage
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist\installer
OutputBaseFilename=aiguillage-{#AppVersion}-installation
SetupIconFile=..\..\resources\icons\aiguillage.ico
UninstallDisplayIcon={app}\aiguillage.exe
UninstallDisplayName=Aiguillage
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; The desk must be closed to be replaced: Restart Manager asks for it.
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto

[Languages]
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
fr.OpenDesk=Ouvrir Aiguillage
en.OpenDesk=Open Aiguillage
fr.Comment=Noter les accueils, orienter vers les partenaires
en.Comment=Log visits and refer visitors to partners

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole bundle; replaced as a whole on upgrade (no file of an older version lingers).
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\Aiguillage"; Filename: "{app}\aiguillagew.exe"; WorkingDir: "{app}"; Comment: "{cm:Comment}"
Name: "{autodesktop}\Aiguillage"; Filename: "{app}\aiguillagew.exe"; WorkingDir: "{app}"; Comment: "{cm:Comment}"; Tasks: desktopicon

[Run]
Filename: "{app}\aiguillagew.exe"; Description: "{cm:OpenDesk}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: only what [Files] installed is removed. The desk's data folder,
; %LOCALAPPDATA%\Aiguillage, stays.
