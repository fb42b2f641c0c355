from django.conf import settings


def site(request):
    """Values every base template needs."""
    return {"SITE_URL": settings.SITE_URL, "VERSION": settings.VERSION}
