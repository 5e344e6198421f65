; Inno Setup script for Paper Reader on Windows.
;
; Packs the PyInstaller one-folder bundle (dist\paper-reader, made by
; `make dist`) into a single setup program. Needs Inno Setup 6.3 or later.
; Compile from the repository root or from this folder:
;
;   iscc packaging\windows\paper-reader.iss
;   iscc /DAppVersion=0.2.0 packaging\windows\paper-reader.iss
;
; The setup program is written to dist\paper-reader-<version>-setup.exe.
; This file is saved as UTF-8 with a byte-order mark so the Chinese strings
; below are read correctly.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Paper Reader"
#define AppNameZh "报纸阅读器"
#define AppPublisher "The Paper Reader authors"
#define AppURL "https://github.com/paper-reader/paper-reader"
#define AppExeName "paper-reader.exe"
#define RepoRoot AddBackslash(SourcePath) + "..\.."
#define BundleDir RepoRoot + "\dist\paper-reader"

#if !FileExists(BundleDir + "\" + AppExeName)
  #error dist\paper-reader\paper-reader.exe not found: run `make dist` first
#endif

[Setup]
; AppId identifies the application for upgrades and uninstall; never change it.
AppId={{04CEC3AB-F08D-4D4D-88E0-42BE0A2D2761}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppPublisherURL={#AppURL}
AppSupportURL={#AppURL}/issues
AppUpdatesURL={#AppURL}/releases
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
AllowNoIcons=yes
; Installs per user by default; the user can choose an all-users install.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExeName}
#if FileExists(RepoRoot + "\LICENSE")
LicenseFile={#RepoRoot}\LICENSE
#endif
OutputDir={#RepoRoot}\dist
OutputBaseFilename=paper-reader-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Inno Setup ships ChineseSimplified.isl with its official languages in recent
; releases; with an older compiler, put a copy of it next to this script.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "{#AddBackslash(SourcePath)}ChineseSimplified.isl"
#else
  #error ChineseSimplified.isl not found in the compiler's Languages folder or next to this script
#endif

[CustomMessages]
english.AppDisplayName={#AppName}
chinesesimplified.AppDisplayName={#AppNameZh}
english.UninstallApp=Uninstall {#AppName}
chinesesimplified.UninstallApp=卸载{#AppNameZh}
english.LaunchApp=Launch {#AppName}
chinesesimplified.LaunchApp=运行{#AppNameZh}

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{cm:AppDisplayName}"; Filename: "{app}\{#AppExeName}"
Name: "{group}\{cm:UninstallApp}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{cm:AppDisplayName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Byte-code caches the bundle may write next to itself.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
