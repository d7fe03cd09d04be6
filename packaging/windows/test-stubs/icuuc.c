/* Test-only icuuc.dll for Wine 8: Qt6Core imports these ICU converter functions. Opening a
 * converter fails, so Qt uses its own codecs and never calls the rest. Never shipped. */
#include <stddef.h>
#include <stdint.h>

#define EXPORT __declspec(dllexport)
#define U_FILE_ACCESS_ERROR 4

typedef int32_t UErrorCode;

EXPORT void *ucnv_open(const char *name, UErrorCode *err)
{
    (void)name;
    if (err) *err = U_FILE_ACCESS_ERROR;
    return NULL;
}

EXPORT void ucnv_close(void *converter) { (void)converter; }
EXPORT void ucnv_reset(void *converter) { (void)converter; }
EXPORT int8_t ucnv_getMaxCharSize(const void *converter) { (void)converter; return 0; }
EXPORT const char *ucnv_getName(const void *converter, UErrorCode *err)
{
    (void)converter;
    if (err) *err = U_FILE_ACCESS_ERROR;
    return NULL;
}
EXPORT void ucnv_getToUCallBack(const void *c, void **action, const void **context)
{
    (void)c;
    if (action) *action = NULL;
    if (context) *context = NULL;
}
EXPORT void ucnv_getFromUCallBack(const void *c, void **action, const void **context)
{
    (void)c;
    if (action) *action = NULL;
    if (context) *context = NULL;
}
EXPORT void ucnv_setToUCallBack(void *c, void *a, const void *ctx, void **oa, const void **octx,
                                UErrorCode *err)
{
    (void)c; (void)a; (void)ctx; (void)oa; (void)octx;
    if (err) *err = U_FILE_ACCESS_ERROR;
}
EXPORT void ucnv_setFromUCallBack(void *c, void *a, const void *ctx, void **oa, const void **octx,
                                  UErrorCode *err)
{
    (void)c; (void)a; (void)ctx; (void)oa; (void)octx;
    if (err) *err = U_FILE_ACCESS_ERROR;
}
EXPORT void ucnv_cbToUWriteUChars(void *args, const void *source, int32_t length, int32_t offset,
                                  UErrorCode *err)
{
    (void)args; (void)source; (void)length; (void)offset;
    if (err) *err = U_FILE_ACCESS_ERROR;
}
EXPORT void ucnv_cbFromUWriteUChars(void *args, const void **source, const void *limit,
                                    int32_t offset, UErrorCode *err)
{
    (void)args; (void)source; (void)limit; (void)offset;
    if (err) *err = U_FILE_ACCESS_ERROR;
}
EXPORT void ucnv_toUnicode(void *c, void **t, const void *tl, const char **s, const char *sl,
                           int32_t *o, int8_t flush, UErrorCode *err)
{
    (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)flush;
    if (err) *err = U_FILE_ACCESS_ERROR;
}
EXPORT void ucnv_fromUnicode(void *c, char **t, const char *tl, const void **s, const void *sl,
                             int32_t *o, int8_t flush, UErrorCode *err)
{
    (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)flush;
    if (err) *err = U_FILE_ACCESS_ERROR;
}
EXPORT int32_t ucnv_toUCountPending(const void *c, UErrorCode *err)
{
    (void)c;
    if (err) *err = U_FILE_ACCESS_ERROR;
    return 0;
}
EXPORT int32_t ucnv_fromUCountPending(const void *c, UErrorCode *err)
{
    (void)c;
    if (err) *err = U_FILE_ACCESS_ERROR;
    return 0;
}
EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *err)
{
    (void)name; (void)standard;
    if (err) *err = U_FILE_ACCESS_ERROR;
    return NULL;
}
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
EXPORT int32_t ucnv_countAvailable(void) { return 0; }

/* The substitute callbacks: Qt only passes their addresses to ucnv_set*CallBack. */
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const void *units,
                                            int32_t length, int32_t code_point, int reason,
                                            UErrorCode *err)
{
    (void)context; (void)args; (void)units; (void)length; (void)code_point; (void)reason;
    (void)err;
}
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const char *units,
                                          int32_t length, int reason, UErrorCode *err)
{
    (void)context; (void)args; (void)units; (void)length; (void)reason; (void)err;
}
