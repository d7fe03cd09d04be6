/* Test-only mscms.dll for Wine 8: the windows QPA plugin imports WcsCreateIccProfile, which
 * Wine's mscms lacks. Every call fails (no colour profile; Qt carries on with sRGB). Loaded
 * with WINEDLLOVERRIDES=mscms=n, only for runs with a real window. Never shipped. */
#include <windows.h>

__declspec(dllexport) HANDLE WINAPI OpenColorProfileW(PVOID profile, DWORD access, DWORD share,
                                                      DWORD creation)
{
    (void)profile; (void)access; (void)share; (void)creation;
    SetLastError(ERROR_NOT_SUPPORTED);
    return NULL;
}

__declspec(dllexport) BOOL WINAPI CloseColorProfile(HANDLE profile)
{
    (void)profile;
    return FALSE;
}

__declspec(dllexport) BOOL WINAPI GetColorProfileFromHandle(HANDLE profile, PBYTE buffer,
                                                            PDWORD size)
{
    (void)profile; (void)buffer; (void)size;
    SetLastError(ERROR_NOT_SUPPORTED);
    return FALSE;
}

__declspec(dllexport) HANDLE WINAPI WcsCreateIccProfile(HANDLE profile, DWORD options)
{
    (void)profile; (void)options;
    SetLastError(ERROR_NOT_SUPPORTED);
    return NULL;
}
