using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Publishing.Notes;

namespace Publishing.Functions.Http;

public static class NotesFunctions
{
    [Function(nameof(NotesApi.ListNotes))]
    public static IActionResult ListNotes(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/items/{id}/notes")] HttpRequest request, string id) =>
        new ResultAdapter(NotesApi.ListNotes(id, request.HttpContext, request.HttpContext.RequestAborted));

    [Function(nameof(NotesApi.AddNote))]
    public static IActionResult AddNote(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/items/{id}/notes")] HttpRequest request, string id) =>
        new ResultAdapter(NotesApi.AddNote(id, request.HttpContext, request.HttpContext.RequestAborted));

    [Function(nameof(NotesApi.ResolveNote))]
    public static IActionResult ResolveNote(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/items/{id}/notes/{noteId}/resolve")] HttpRequest request,
        string id, string noteId) =>
        new ResultAdapter(NotesApi.ResolveNote(id, noteId, request.HttpContext, request.HttpContext.RequestAborted));
}
