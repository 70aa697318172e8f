from django.urls import reverse


def test_a_nul_character_in_the_query_string_is_a_400_with_the_error_page(client, db):
    response = client.get(reverse("members:directory"), {"q": "bio\x00tech"})
    assert response.status_code == 400
    assert "The request could not be understood." in response.content.decode()


def test_a_nul_character_in_a_parameter_name_is_a_400(client, db):
    assert client.get(reverse("members:directory") + "?q%00=1").status_code == 400


def test_a_query_string_without_nul_reaches_the_view(client, db):
    assert client.get(reverse("members:directory"), {"q": "bio tech"}).status_code == 200
